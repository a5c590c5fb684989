CREATE TABLE "identity"."citizens" (
	"fiscal_code" text PRIMARY KEY NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"gender" text NOT NULL,
	"birth_date" text NOT NULL,
	"birth_place" text,
	"residence" jsonb,
	"email" text,
	"pec" text,
	"mobile" text,
	"health_card_number" text,
	"health_card_expiry" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."credentials" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"state" text NOT NULL,
	"kind" text DEFAULT 'ordinary' NOT NULL,
	"delivery_profile" text NOT NULL,
	"digital_channel" text NOT NULL,
	"pin_hash" text,
	"first_half_hash" text,
	"pin_changed_at" timestamp with time zone,
	"requested_at" timestamp with time zone NOT NULL,
	"activation_deadline" timestamp with time zone NOT NULL,
	"activated_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb NOT NULL,
	"request_id" text
);
--> statement-breakpoint
CREATE TABLE "identity"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "identity"."outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"channel" text NOT NULL,
	"purpose" text NOT NULL,
	"destination" text NOT NULL,
	"sealed" text,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"last_error" text,
	"gateway_ref" text,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."pin_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"session_token_hash" text NOT NULL,
	"new_pin_hash" text NOT NULL,
	"code_hash" text NOT NULL,
	"channel" text NOT NULL,
	"destination" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."pin_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"pin_hash" text NOT NULL,
	"retired_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"fiscal_code" text NOT NULL,
	"required_action" text,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "identity"."credentials" ADD CONSTRAINT "credentials_fiscal_code_citizens_fiscal_code_fk" FOREIGN KEY ("fiscal_code") REFERENCES "identity"."citizens"("fiscal_code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credentials_fiscal_code_idx" ON "identity"."credentials" USING btree ("fiscal_code");--> statement-breakpoint
CREATE UNIQUE INDEX "credentials_one_live_per_citizen" ON "identity"."credentials" USING btree ("fiscal_code") WHERE "identity"."credentials"."state" not in ('expired', 'revoked');--> statement-breakpoint
CREATE INDEX "events_fiscal_code_idx" ON "identity"."events" USING btree ("fiscal_code","at");--> statement-breakpoint
CREATE INDEX "outbox_due_idx" ON "identity"."outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_fiscal_code_idx" ON "identity"."outbox" USING btree ("fiscal_code");--> statement-breakpoint
CREATE INDEX "pin_changes_credential_idx" ON "identity"."pin_changes" USING btree ("credential_id");--> statement-breakpoint
CREATE INDEX "pin_history_credential_idx" ON "identity"."pin_history" USING btree ("credential_id","retired_at");--> statement-breakpoint
CREATE INDEX "sessions_credential_idx" ON "identity"."sessions" USING btree ("credential_id");