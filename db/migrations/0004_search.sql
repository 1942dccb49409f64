ALTER TABLE "articles" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");
--> statement-breakpoint
-- Vectors are ~10 kB of incompressible positions: store them out of line uncompressed, so
-- reading one (ranking, phrase checks) skips a decompression that costs more than the read.
ALTER TABLE "articles" ALTER COLUMN "search_vector" SET STORAGE EXTERNAL;