-- L-20/L-43: a sent warning is a dated document that cannot be changed. The app refuses edits (409); this
-- holds also for anything that reaches the table another way. created_at stays settable for the demo seed.
CREATE OR REPLACE FUNCTION warning_letter_copy_is_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE'
     OR NEW.content IS DISTINCT FROM OLD.content
     OR NEW.pdf IS DISTINCT FROM OLD.pdf
     OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.recipient_person_id IS DISTINCT FROM OLD.recipient_person_id
     OR NEW.letter_id IS DISTINCT FROM OLD.letter_id
     OR NEW.student_id IS DISTINCT FROM OLD.student_id THEN
    RAISE EXCEPTION 'a sent warning letter cannot be changed or deleted' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER warning_letter_copy_is_immutable BEFORE UPDATE OR DELETE ON warning_letter_copy
  FOR EACH ROW EXECUTE FUNCTION warning_letter_copy_is_immutable();
