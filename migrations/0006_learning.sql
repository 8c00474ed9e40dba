CREATE TABLE `review_cards` (
	`user_id` integer NOT NULL,
	`item_id` text NOT NULL,
	`card` text NOT NULL,
	`due` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `item_id`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `review_cards_due_idx` ON `review_cards` (`user_id`,`due`);--> statement-breakpoint
CREATE TABLE `self_ratings` (
	`user_id` integer NOT NULL,
	`area` integer NOT NULL,
	`code` text DEFAULT '' NOT NULL,
	`rating` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`user_id`, `area`, `code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `users` ADD `exam_date` integer;--> statement-breakpoint
ALTER TABLE `slots` ADD `guessed` integer DEFAULT false NOT NULL;