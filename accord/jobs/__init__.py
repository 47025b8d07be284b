"""Background jobs: one Job row per piece of long work, run by `accord worker` on a Huey queue
(SQLite file by default, Redis when ACCORD_REDIS_URL is set). Apps define their work in their own
`tasks.py` with `accord.jobs.queue.job_task` and start it with `accord.jobs.queue.start`."""
