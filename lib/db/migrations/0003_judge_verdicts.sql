CREATE TABLE "judge_verdicts" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"run_id" text,
	"a_agent" integer,
	"b_agent" integer,
	"a_run_id" text,
	"b_run_id" text,
	"a_label" text NOT NULL,
	"b_label" text NOT NULL,
	"judge_model" text NOT NULL,
	"winner" text NOT NULL,
	"consistent" boolean NOT NULL,
	"reasons" jsonb NOT NULL,
	"error" text,
	"forward_judge_run_id" text NOT NULL,
	"swapped_judge_run_id" text NOT NULL,
	"owner_secret_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "judge_verdicts" ADD CONSTRAINT "judge_verdicts_run_id_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_verdicts" ADD CONSTRAINT "judge_verdicts_a_run_id_runs_id_fk" FOREIGN KEY ("a_run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "judge_verdicts" ADD CONSTRAINT "judge_verdicts_b_run_id_runs_id_fk" FOREIGN KEY ("b_run_id") REFERENCES "public"."runs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "judge_verdicts_run_idx" ON "judge_verdicts" USING btree ("run_id");--> statement-breakpoint
CREATE INDEX "judge_verdicts_owner_created_idx" ON "judge_verdicts" USING btree ("owner_secret_hash","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "judge_verdicts_a_run_idx" ON "judge_verdicts" USING btree ("a_run_id");--> statement-breakpoint
CREATE INDEX "judge_verdicts_b_run_idx" ON "judge_verdicts" USING btree ("b_run_id");