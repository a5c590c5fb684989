CREATE SCHEMA "sms";
--> statement-breakpoint
CREATE TABLE "sms"."sim_clock" (
	"id" text PRIMARY KEY NOT NULL,
	"offset_ms" bigint NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
