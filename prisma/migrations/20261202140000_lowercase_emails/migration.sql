-- Emails are compared with an exact `=` from now on (a case-insensitive match is an ILIKE, where
-- `%` and `_` are wildcards), and new ones are stored in lower case: existing ones follow.
-- An account whose lower-case spelling is already taken by another keeps its spelling.
UPDATE "User" SET "email" = lower("email")
WHERE "email" <> lower("email")
  AND NOT EXISTS (SELECT 1 FROM "User" AS "other" WHERE "other"."email" = lower("User"."email"));

UPDATE "Comment" SET "authorEmail" = lower(trim("authorEmail"))
WHERE "authorEmail" <> lower(trim("authorEmail"));
