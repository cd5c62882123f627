CREATE TABLE `sync_attachments_sent` (
	`server_id` text NOT NULL,
	`hash` text NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`server_id`, `hash`)
);
