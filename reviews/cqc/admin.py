"""The framework in the admin: where a later version's rating characteristics are added."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from reviews.models import (
    AccuracyCorrection,
    CqcAssessment,
    Framework,
    FrameworkTheme,
    IStatement,
    QualityStatement,
    RatingCharacteristic,
    StatementScore,
)
from sli.lib.admin import ScopedModelAdmin


class ThemeInline(admin.TabularInline):
    model = FrameworkTheme
    extra = 0


@admin.register(Framework)
class FrameworkAdmin(SimpleHistoryAdmin):
    list_display = ["name", "version", "applies_from"]
    inlines = [ThemeInline]


class IStatementInline(admin.TabularInline):
    model = IStatement
    extra = 0


class RatingCharacteristicInline(admin.TabularInline):
    model = RatingCharacteristic
    extra = 0


@admin.register(QualityStatement)
class QualityStatementAdmin(SimpleHistoryAdmin):
    list_display = ["number", "name", "theme"]
    list_select_related = ["theme__framework"]
    inlines = [IStatementInline, RatingCharacteristicInline]


class ScoreInline(admin.TabularInline):
    model = StatementScore
    extra = 0


@admin.register(CqcAssessment)
class CqcAssessmentAdmin(ScopedModelAdmin):
    list_display = ["review", "report_date", "published_rating"]
    raw_id_fields = ["review"]
    inlines = [ScoreInline]


@admin.register(AccuracyCorrection)
class AccuracyCorrectionAdmin(ScopedModelAdmin):
    list_display = ["review", "kind", "where"]
    raw_id_fields = ["review", "author"]
