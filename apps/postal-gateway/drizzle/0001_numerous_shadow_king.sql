CREATE TABLE "postal"."idempotency_keys" (
	"scope" text NOT NULL,
	"key" text NOT NULL,
	"fingerprint" text NOT NULL,
	"status" integer NOT NULL,
	"body" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "idempotency_keys_scope_key_pk" PRIMARY KEY("scope","key")
);
--> statement-breakpoint
CREATE TABLE "postal"."letters" (
	"id" text PRIMARY KEY NOT NULL,
	"seq" bigserial NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_street" text NOT NULL,
	"recipient_postal_code" text NOT NULL,
	"recipient_city" text NOT NULL,
	"recipient_province" text NOT NULL,
	"name_key" text NOT NULL,
	"service" text NOT NULL,
	"subject" text,
	"body" text NOT NULL,
	"accepted_at" timestamp with time zone NOT NULL,
	"in_transit_at" timestamp with time zone NOT NULL,
	"out_for_delivery_at" timestamp with time zone,
	"final_at" timestamp with time zone,
	"final_status" text NOT NULL,
	"return_reason" text,
	"expected_delivery_date" text NOT NULL,
	"working_days" integer NOT NULL,
	"dropped" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX "letters_name_key_idx" ON "postal"."letters" USING btree ("name_key");--> statement-breakpoint
CREATE INDEX "letters_postal_code_idx" ON "postal"."letters" USING btree ("recipient_postal_code");--> statement-breakpoint
CREATE INDEX "letters_accepted_idx" ON "postal"."letters" USING btree ("accepted_at");