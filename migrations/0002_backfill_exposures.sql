-- Exposure counts for attempts made before the exposures table existed.
INSERT INTO `exposures` (`user_id`, `item_id`, `seen`, `last_seen_at`)
SELECT a.`user_id`, s.`item_id`, count(*), max(a.`started_at`)
FROM `slots` s JOIN `attempts` a ON a.`id` = s.`attempt_id`
GROUP BY a.`user_id`, s.`item_id`;
