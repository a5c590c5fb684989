CREATE TABLE "identity"."applications" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"kind" text NOT NULL,
	"via" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."dispositivo_files" (
	"request_id" text NOT NULL,
	"part" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"content" "bytea" NOT NULL,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "identity"."dispositivo_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"fiscal_code" text NOT NULL,
	"credential_id" text NOT NULL,
	"status" text NOT NULL,
	"document_type" text NOT NULL,
	"document_number" text NOT NULL,
	"document_issued_by" text NOT NULL,
	"document_issue_date" text NOT NULL,
	"document_expiry_date" text NOT NULL,
	"delivered_via" text,
	"delivered_at" timestamp with time zone,
	"decided_by" text,
	"decided_at" timestamp with time zone,
	"reason" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "identity"."dispositivo_files" ADD CONSTRAINT "dispositivo_files_request_id_dispositivo_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "identity"."dispositivo_requests"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "applications_fiscal_code_idx" ON "identity"."applications" USING btree ("fiscal_code","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispositivo_files_part" ON "identity"."dispositivo_files" USING btree ("request_id","part");--> statement-breakpoint
CREATE INDEX "dispositivo_requests_status_idx" ON "identity"."dispositivo_requests" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "dispositivo_requests_one_open_per_citizen" ON "identity"."dispositivo_requests" USING btree ("fiscal_code") WHERE "identity"."dispositivo_requests"."status" in ('awaiting-signed-form', 'under-review');