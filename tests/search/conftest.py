from tests.agreements.conftest import make_agreement, milan  # noqa: F401
from tests.guidance.conftest import make_application, make_call, mona, tina, tom  # noqa: F401
