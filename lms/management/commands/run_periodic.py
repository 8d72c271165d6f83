import contextlib
import signal
import threading

from django.core.management.base import BaseCommand, CommandError

from lms.periodic import enqueue_due, load_schedule, run_forever


class Command(BaseCommand):
    help = (
        "Enqueue the tasks in PERIODIC_TASKS on their schedule for the task "
        "worker to run. Runs until stopped; --once enqueues everything once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once",
            action="store_true",
            help="Enqueue every periodic task once and exit (for cron).",
        )
        parser.add_argument(
            "--tick",
            type=float,
            default=5.0,
            help="Seconds between schedule checks (default: 5).",
        )

    def handle(self, *args, once: bool, tick: float, **options):
        try:
            schedule = load_schedule()
        except (ImportError, ValueError) as error:
            raise CommandError(str(error)) from error
        if once:
            for path in enqueue_due(schedule, now=float("inf")):
                self.stdout.write(f"enqueued {path}")
            return
        stopping = threading.Event()
        signal.signal(signal.SIGTERM, lambda signum, frame: stopping.set())
        self.stdout.write(f"run_periodic: {len(schedule)} task(s), Ctrl-C to stop")
        with contextlib.suppress(KeyboardInterrupt):
            run_forever(schedule, tick_seconds=tick, stop=stopping)
        self.stdout.write("run_periodic: stopped")
