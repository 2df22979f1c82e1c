-- Tamper evidence (issue 16): each owner's audit rows form a hash chain. A trigger sets every new row's
-- prev_hash and hash, so no insert path can skip it; `npm run audit:verify` recomputes the chain in Node.
CREATE TABLE "audit_chain_head" (
	"owner_id" uuid PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "prev_hash" text;--> statement-breakpoint
ALTER TABLE "audit_log" ADD COLUMN "hash" text;--> statement-breakpoint
-- The canonical serialisation (version 1): each field as PostgreSQL's own text of it, null as 'N', else
-- 'S' + its length in bytes + ':' + the text; sha256 over the whole, hex. server/core/audit/chain.ts
-- computes the same from the same texts, so a changed field, a removed or reordered row breaks a link.
CREATE FUNCTION audit_chain_field(f text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN f IS NULL THEN 'N' ELSE 'S' || octet_length(f) || ':' || f END
$$;
--> statement-breakpoint
CREATE FUNCTION audit_row_hash(r audit_log) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to('elevlos-audit-v1'
    || audit_chain_field(r.owner_id::text) || audit_chain_field(r.id::text)
    || audit_chain_field(to_char(r.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
    || audit_chain_field(r.actor_person_id::text) || audit_chain_field(r.action) || audit_chain_field(r.resource_type)
    || audit_chain_field(r.resource_id) || audit_chain_field(r.student_id::text) || audit_chain_field(r.decision)
    || audit_chain_field(r.reason) || audit_chain_field(r.reason_code) || audit_chain_field(r.reason_params::text)
    || audit_chain_field(r.prev_hash), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
-- Existing rows are chained in id order, once.
DO $$
DECLARE
  r audit_log;
  owner uuid;
  prev text;
  last bigint;
BEGIN
  FOR r IN SELECT * FROM audit_log ORDER BY owner_id, id LOOP
    IF owner IS DISTINCT FROM r.owner_id THEN
      IF owner IS NOT NULL THEN
        INSERT INTO audit_chain_head (owner_id, last_id, last_hash) VALUES (owner, last, prev);
      END IF;
      owner := r.owner_id;
      prev := repeat('0', 64);
    END IF;
    r.prev_hash := prev;
    r.hash := audit_row_hash(r);
    UPDATE audit_log SET prev_hash = r.prev_hash, hash = r.hash WHERE owner_id = r.owner_id AND id = r.id;
    prev := r.hash;
    last := r.id;
  END LOOP;
  IF owner IS NOT NULL THEN
    INSERT INTO audit_chain_head (owner_id, last_id, last_hash) VALUES (owner, last, prev);
  END IF;
END
$$;
--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "prev_hash" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_log" ALTER COLUMN "hash" SET NOT NULL;--> statement-breakpoint
-- The owner's head row is locked before the row gets its id, so one owner's inserts take turns: ids follow
-- the chain, and two requests can never both link to the same row. Under REPEATABLE READ a concurrent
-- insert is refused (serialization failure) rather than forking the chain.
CREATE FUNCTION audit_log_chain() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  prev text;
BEGIN
  SELECT last_hash INTO prev FROM audit_chain_head WHERE owner_id = NEW.owner_id FOR UPDATE;
  IF NOT FOUND THEN
    INSERT INTO audit_chain_head (owner_id, last_id, last_hash) VALUES (NEW.owner_id, 0, repeat('0', 64))
      ON CONFLICT (owner_id) DO NOTHING;
    SELECT last_hash INTO prev FROM audit_chain_head WHERE owner_id = NEW.owner_id FOR UPDATE;
  END IF;
  NEW.id := nextval('audit_log_id_seq');
  NEW.prev_hash := prev;
  NEW.hash := audit_row_hash(NEW);
  UPDATE audit_chain_head SET last_id = NEW.id, last_hash = NEW.hash WHERE owner_id = NEW.owner_id;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_chain BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_log_chain();
