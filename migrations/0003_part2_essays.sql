CREATE TABLE `calibrations` (
	`reader_id` integer NOT NULL,
	`prompt_id` text NOT NULL,
	`anchor_id` text NOT NULL,
	`rubric_version` text NOT NULL,
	`levels` text NOT NULL,
	`gap` real NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`reader_id`, `prompt_id`),
	FOREIGN KEY (`reader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `essay_scores` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`essay_id` text NOT NULL,
	`source` text NOT NULL,
	`reader_id` integer,
	`rubric_version` text NOT NULL,
	`levels` text NOT NULL,
	`comments` text NOT NULL,
	`detail` text,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`essay_id`) REFERENCES `essays`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`reader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rubric_version`) REFERENCES `rubric_versions`(`version`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `essay_scores_essay_idx` ON `essay_scores` (`essay_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `essay_scores_reader_idx` ON `essay_scores` (`essay_id`,`source`,`reader_id`);--> statement-breakpoint
CREATE TABLE `essay_shares` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`essay_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`essay_id`) REFERENCES `essays`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `essay_shares_tokenHash_unique` ON `essay_shares` (`token_hash`);--> statement-breakpoint
CREATE INDEX `essay_shares_essay_idx` ON `essay_shares` (`essay_id`);--> statement-breakpoint
CREATE TABLE `essays` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`prompt_id` text NOT NULL,
	`prompt_version` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`time_multiplier` real NOT NULL,
	`started_at` integer NOT NULL,
	`deadline` integer,
	`text` text DEFAULT '' NOT NULL,
	`revision` integer DEFAULT 0 NOT NULL,
	`saved_at` integer,
	`submitted_at` integer,
	`closed_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `essays_user_idx` ON `essays` (`user_id`,`started_at`);--> statement-breakpoint
CREATE INDEX `essays_open_idx` ON `essays` (`status`,`deadline`);--> statement-breakpoint
CREATE TABLE `prompt_versions` (
	`prompt_id` text NOT NULL,
	`version` text NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`prompt_id`, `version`)
);
--> statement-breakpoint
CREATE TABLE `rubric_versions` (
	`version` text PRIMARY KEY NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL
);
