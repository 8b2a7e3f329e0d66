from regional.indicators import urls as indicator_urls
from regional.practice import urls as practice_urls
from regional.risk import urls as risk_urls
from regional.thematic import urls as thematic_urls

app_name = "regional"
urlpatterns = [
    *risk_urls.urlpatterns,
    *thematic_urls.urlpatterns,
    *indicator_urls.urlpatterns,
    *practice_urls.urlpatterns,
]
