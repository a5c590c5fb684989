ALTER TABLE "mail"."messages" ADD COLUMN "sender" text;--> statement-breakpoint
ALTER TABLE "mail"."messages" ADD COLUMN "origin_id" text;--> statement-breakpoint
ALTER TABLE "mail"."messages" ADD COLUMN "redeliveries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_origin_idx" ON "mail"."messages" USING btree ("sender","origin_id");