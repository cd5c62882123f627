CREATE TABLE `sync_cells` (
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`hlc` text NOT NULL,
	PRIMARY KEY(`tbl`, `row_id`, `col`)
);
--> statement-breakpoint
CREATE TABLE `sync_conflicts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`kept_value` text,
	`kept_hlc` text NOT NULL,
	`lost_value` text,
	`lost_hlc` text NOT NULL,
	`reversed_at` text
);
--> statement-breakpoint
CREATE INDEX `sync_conflicts_at` ON `sync_conflicts` (`at`);--> statement-breakpoint
CREATE TABLE `sync_cursors` (
	`feed` text PRIMARY KEY NOT NULL,
	`seq` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_node` (
	`id` integer PRIMARY KEY NOT NULL,
	`node_id` text NOT NULL,
	`last_hlc` text,
	`server_url` text,
	`server_id` text,
	`device_id` text,
	`token` text,
	`home_feed` text,
	`tenants` text,
	`interval_minutes` integer DEFAULT 15 NOT NULL,
	`last_sync_at` text,
	`last_error` text,
	`clock_offset_ms` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sync_outbox` (
	`seq` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tx` text NOT NULL,
	`hlc` text NOT NULL,
	`base` text,
	`tbl` text NOT NULL,
	`row_id` text NOT NULL,
	`col` text NOT NULL,
	`value` blob
);
