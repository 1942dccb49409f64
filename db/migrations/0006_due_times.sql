CREATE INDEX "articles_publish_at_due_idx" ON "articles" USING btree ("publish_at") WHERE "articles"."status" = 'scheduled';--> statement-breakpoint
CREATE INDEX "articles_unpublish_at_due_idx" ON "articles" USING btree ("unpublish_at") WHERE "articles"."unpublish_at" is not null;--> statement-breakpoint
CREATE INDEX "articles_feature_until_due_idx" ON "articles" USING btree ("feature_until") WHERE "articles"."feature_until" is not null;--> statement-breakpoint
CREATE INDEX "articles_pin_until_due_idx" ON "articles" USING btree ("pin_until") WHERE "articles"."pin_until" is not null;