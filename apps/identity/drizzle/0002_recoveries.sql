CREATE TABLE "identity"."generated_pins" (
	"id" text PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"pin_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"voided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "identity"."recoveries" (
	"id" text PRIMARY KEY NOT NULL,
	"credential_id" text NOT NULL,
	"fiscal_code" text NOT NULL,
	"token_hash" text NOT NULL,
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
CREATE INDEX "generated_pins_credential_idx" ON "identity"."generated_pins" USING btree ("credential_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recoveries_token_hash_idx" ON "identity"."recoveries" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "recoveries_credential_idx" ON "identity"."recoveries" USING btree ("credential_id");