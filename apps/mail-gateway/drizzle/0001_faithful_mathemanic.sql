CREATE TABLE "mail"."message_data" (
	"id" text PRIMARY KEY NOT NULL,
	"raw" "bytea" NOT NULL,
	"date" timestamp (3) with time zone,
	"return_path" text NOT NULL,
	"text" text NOT NULL,
	"html" text NOT NULL,
	"parts" jsonb NOT NULL,
	"envelope" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail"."message_tags" (
	"message_id" text NOT NULL,
	"tag_id" integer NOT NULL,
	CONSTRAINT "message_tags_message_id_tag_id_pk" PRIMARY KEY("message_id","tag_id")
);
--> statement-breakpoint
CREATE TABLE "mail"."messages" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"created" timestamp (3) with time zone NOT NULL,
	"message_id" text NOT NULL,
	"subject" text NOT NULL,
	"from" jsonb NOT NULL,
	"to" jsonb NOT NULL,
	"cc" jsonb NOT NULL,
	"bcc" jsonb NOT NULL,
	"reply_to" jsonb NOT NULL,
	"size" integer NOT NULL,
	"attachments" integer NOT NULL,
	"inline" integer NOT NULL,
	"read" boolean DEFAULT false NOT NULL,
	"snippet" text NOT NULL,
	"search_text" text NOT NULL,
	"from_text" text NOT NULL,
	"to_text" text NOT NULL,
	"cc_text" text NOT NULL,
	"bcc_text" text NOT NULL,
	"reply_to_text" text NOT NULL,
	"pec_receipt" text
);
--> statement-breakpoint
CREATE TABLE "mail"."pec_pending" (
	"id" text PRIMARY KEY NOT NULL,
	"due_at" timestamp (3) with time zone NOT NULL,
	"raw" "bytea" NOT NULL,
	"kind" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mail"."tags" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	CONSTRAINT "tags_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "mail"."message_data" ADD CONSTRAINT "message_data_id_messages_id_fk" FOREIGN KEY ("id") REFERENCES "mail"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail"."message_tags" ADD CONSTRAINT "message_tags_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "mail"."messages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail"."message_tags" ADD CONSTRAINT "message_tags_tag_id_tags_id_fk" FOREIGN KEY ("tag_id") REFERENCES "mail"."tags"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "message_tags_tag_idx" ON "mail"."message_tags" USING btree ("tag_id");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "mail"."messages" USING btree ("created" DESC NULLS LAST,"seq" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "messages_unread_idx" ON "mail"."messages" USING btree ("created" DESC NULLS LAST,"seq" DESC NULLS LAST) WHERE not "mail"."messages"."read";--> statement-breakpoint
CREATE INDEX "pec_pending_due_idx" ON "mail"."pec_pending" USING btree ("due_at");