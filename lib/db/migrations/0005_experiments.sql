CREATE TABLE "experiment_cells" (
	"experiment_id" text NOT NULL,
	"key" text NOT NULL,
	"kind" text NOT NULL,
	"prompt_id" text NOT NULL,
	"subject_id" text NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 1 NOT NULL,
	"instance_id" text NOT NULL,
	"run_id" text,
	"result" jsonb,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "experiment_cells_experiment_id_key_pk" PRIMARY KEY("experiment_id","key")
);
--> statement-breakpoint
CREATE TABLE "experiments" (
	"id" text PRIMARY KEY NOT NULL,
	"owner_secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"spec" jsonb NOT NULL,
	"status" text NOT NULL,
	"total" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "experiment_cells" ADD CONSTRAINT "experiment_cells_experiment_id_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "experiment_cells_running_idx" ON "experiment_cells" USING btree ("instance_id") WHERE "experiment_cells"."status" = 'running';--> statement-breakpoint
CREATE INDEX "experiments_owner_created_idx" ON "experiments" USING btree ("owner_secret_hash","created_at" DESC NULLS LAST);