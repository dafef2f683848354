-- Whether a succeeded run's model is any good: {kind, summary, evidence,
-- suggestion}, written with the run's evaluation when it finishes. Runs that
-- finished before this column existed keep NULL and read as "not judged".
ALTER TABLE "TrainingRun" ADD COLUMN "verdict" JSONB;
