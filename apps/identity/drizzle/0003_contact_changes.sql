CREATE TABLE "identity"."contact_changes" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"credential_id" text NOT NULL,
	"field" text NOT NULL,
	"new_value" text,
	"code_hash" text NOT NULL,
	"destination" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "contact_changes_fiscal_code_idx" ON "identity"."contact_changes" USING btree ("fiscal_code");