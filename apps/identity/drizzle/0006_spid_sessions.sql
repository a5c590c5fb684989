CREATE TABLE "identity"."spid_assertions_used" (
	"jti" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"used_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."sessions" ALTER COLUMN "credential_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "identity"."sessions" ADD COLUMN "spid_level" integer;