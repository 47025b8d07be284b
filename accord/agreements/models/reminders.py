from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    """One reminder e-mail from one source to one user on one day: `accord remind` sends each once."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    source = models.CharField(max_length=40)
    day = models.DateField()
    subject = models.CharField(max_length=300)
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "source", "day"], name="one_reminder_per_day")]

    def __str__(self):
        return f"{self.source} reminder to {self.user} on {self.day}"
