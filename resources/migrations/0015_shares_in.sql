CREATE TABLE `sync_shares_in` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`from_org_id` text NOT NULL,
	`from_org_name` text NOT NULL,
	`shared_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sync_shares_in_person` ON `sync_shares_in` (`person_id`);