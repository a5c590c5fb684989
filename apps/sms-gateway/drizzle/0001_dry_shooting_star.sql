CREATE TABLE "sms"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "sms"."messages" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"to" text NOT NULL,
	"from" text NOT NULL,
	"text" text NOT NULL,
	"encoding" text NOT NULL,
	"segments" integer NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"outcome" text NOT NULL,
	"failure_reason" text,
	"failure_detail" text,
	"dropped" boolean DEFAULT false NOT NULL,
	"status_callback" text,
	"callback_state" text,
	"callback_attempts" integer DEFAULT 0 NOT NULL,
	"callback_next_at" timestamp with time zone,
	"callback_last_error" text
);
--> statement-breakpoint
CREATE INDEX "messages_to_created_idx" ON "sms"."messages" USING btree ("to","created_at");--> statement-breakpoint
CREATE INDEX "messages_created_idx" ON "sms"."messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "messages_callback_idx" ON "sms"."messages" USING btree ("callback_state","callback_next_at");