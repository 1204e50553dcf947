CREATE TABLE "run_event_batches" (
	"run_id" text NOT NULL,
	"first_seq" integer NOT NULL,
	"last_seq" integer NOT NULL,
	"events" jsonb NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "run_event_batches_run_id_first_seq_pk" PRIMARY KEY("run_id","first_seq")
);
--> statement-breakpoint
CREATE TABLE "runs" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_secret_hash" text NOT NULL,
	"status" text NOT NULL,
	"config" jsonb NOT NULL,
	"messages" jsonb NOT NULL,
	"preset" text,
	"final_text" text DEFAULT '' NOT NULL,
	"input_tokens" integer DEFAULT 0 NOT NULL,
	"output_tokens" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision,
	"duration_ms" integer,
	"error" text,
	"agents" jsonb,
	"instance_id" text,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "run_event_batches" ADD CONSTRAINT "run_event_batches_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "runs_owner_created_idx" ON "runs" USING btree ("owner_secret_hash","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "runs_open_status_idx" ON "runs" USING btree ("status") WHERE "runs"."status" in ('pending', 'running');