#!/usr/bin/env bash
# Nightly logical backup of the PostgreSQL database named by DATABASE_URL.
# Writes a compressed custom-format dump (restorable in parallel with
# pg_restore -j) and keeps BACKUP_KEEP_DAYS days of them. Run from cron or a
# scheduled job on a machine that can reach the database (a replica is fine):
#
#   15 2 * * *  DATABASE_URL=... BACKUP_DIR=/srv/backups deploy/backup/pg_backup.sh
#
# Copy BACKUP_DIR off the machine (object storage with versioning) afterwards;
# a backup on the database's own disk is not a backup.
set -euo pipefail

: "${DATABASE_URL:?set DATABASE_URL}"
BACKUP_DIR="${BACKUP_DIR:-./backups}"
BACKUP_KEEP_DAYS="${BACKUP_KEEP_DAYS:-14}"

mkdir -p "$BACKUP_DIR"
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
target="$BACKUP_DIR/lms-$stamp.dump"

# Write to a temporary name first so a half-written dump is never mistaken
# for a good one.
pg_dump --format=custom --compress=6 --no-owner --file="$target.partial" "$DATABASE_URL"
pg_restore --list "$target.partial" > /dev/null   # the archive is readable
mv "$target.partial" "$target"
echo "pg_backup: wrote $target ($(du -h "$target" | cut -f1))"

find "$BACKUP_DIR" -name 'lms-*.dump' -type f -mtime +"$BACKUP_KEEP_DAYS" -print -delete
