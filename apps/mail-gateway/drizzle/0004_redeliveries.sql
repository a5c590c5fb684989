ALTER TABLE "mail"."messages" ADD COLUMN "sender" text;--> statement-breakpoint
ALTER TABLE "mail"."messages" ADD COLUMN "redeliveries" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_sender_message_id_idx" ON "mail"."messages" USING btree ("sender","message_id") WHERE "mail"."messages"."message_id" <> '';