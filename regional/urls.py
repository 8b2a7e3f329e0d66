from regional import indicator_urls, practice_urls, risk_urls, thematic_urls

app_name = "regional"
urlpatterns = [
    *risk_urls.urlpatterns,
    *thematic_urls.urlpatterns,
    *indicator_urls.urlpatterns,
    *practice_urls.urlpatterns,
]
