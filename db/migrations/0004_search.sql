ALTER TABLE "articles" ADD COLUMN "search_vector" "tsvector";--> statement-breakpoint
CREATE INDEX "articles_search_idx" ON "articles" USING gin ("search_vector");