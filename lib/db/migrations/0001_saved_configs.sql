CREATE TABLE "saved_configs" (
	"slug" text PRIMARY KEY NOT NULL,
	"owner_secret_hash" text NOT NULL,
	"name" text NOT NULL,
	"config" jsonb NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "saved_configs_owner_created_idx" ON "saved_configs" USING btree ("owner_secret_hash","created_at" DESC NULLS LAST);