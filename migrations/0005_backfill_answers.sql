-- Keys of item versions stored before item_versions.answer existed (later versions are written with it).
UPDATE `item_versions` SET `answer` = json_extract(`content`, '$.answer') WHERE `answer` IS NULL;
