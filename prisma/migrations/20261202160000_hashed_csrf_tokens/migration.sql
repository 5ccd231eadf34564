-- The CSRF token is kept as its SHA-256 (hex), like the session token: a database leak gives no
-- usable token. Open sessions keep working: their tokens are hashed in place.
ALTER TABLE "Session" RENAME COLUMN "csrfToken" TO "csrfTokenHash";
UPDATE "Session" SET "csrfTokenHash" = encode(sha256(convert_to("csrfTokenHash", 'UTF8')), 'hex');
