CREATE TABLE `fleet_settings` (
	`id` text PRIMARY KEY NOT NULL,
	`key` text NOT NULL,
	`value` text,
	`set_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `fleet_settings_key` ON `fleet_settings` (`key`);--> statement-breakpoint
CREATE TABLE `vessel_requirements` (
	`id` text PRIMARY KEY NOT NULL,
	`vessel_id` text NOT NULL,
	`title_key` text NOT NULL,
	`kinds` text,
	`set_at` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`vessel_id`) REFERENCES `vessels`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `vessel_requirements_vessel` ON `vessel_requirements` (`vessel_id`,`title_key`);--> statement-breakpoint
ALTER TABLE `sync_cells` ADD `user_id` text;--> statement-breakpoint
ALTER TABLE `sync_cells` ADD `user_name` text;--> statement-breakpoint
ALTER TABLE `sync_cells` ADD `device` text;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `kept_by` text;--> statement-breakpoint
ALTER TABLE `sync_conflicts` ADD `lost_by` text;--> statement-breakpoint
ALTER TABLE `sync_outbox` ADD `user_id` text;