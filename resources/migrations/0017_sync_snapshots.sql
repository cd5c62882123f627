CREATE TABLE `sync_snapshots` (
	`feed` text PRIMARY KEY NOT NULL,
	`as_of` integer NOT NULL,
	`after_table` text,
	`after_row_id` text
);
