DROP INDEX "mail"."messages_created_idx";--> statement-breakpoint
DROP INDEX "mail"."messages_unread_idx";--> statement-breakpoint
CREATE INDEX "messages_newest_idx" ON "mail"."messages" USING btree ("created" DESC NULLS FIRST,"seq" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "messages_unread_newest_idx" ON "mail"."messages" USING btree ("created" DESC NULLS FIRST,"seq" DESC NULLS FIRST) WHERE not "mail"."messages"."read";