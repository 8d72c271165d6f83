"""Read-only views for operators: withdrawn OAI records and the xAPI outbox."""

from django.contrib import admin

from opendata.models import DeletedRecord, XapiStatement


class ReadOnlyAdmin(admin.ModelAdmin):
    """Rows here are written by the app only; operators look, they don't edit."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(DeletedRecord)
class DeletedRecordAdmin(ReadOnlyAdmin):
    list_display = ["kind", "object_id", "datestamp"]
    list_filter = ["kind"]


@admin.register(XapiStatement)
class XapiStatementAdmin(ReadOnlyAdmin):
    list_display = ["verb", "object_id", "user", "timestamp", "status", "attempts"]
    list_filter = ["status", "verb"]
    search_fields = ["object_id", "statement_id"]
    readonly_fields = ["last_error", "payload"]
