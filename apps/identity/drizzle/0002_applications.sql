CREATE TABLE "identity"."applications" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"kind" text NOT NULL,
	"via" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "applications_fiscal_code_idx" ON "identity"."applications" USING btree ("fiscal_code","submitted_at");