"""Kinds of agency (PRODUCT.md glossary) and which of them are local."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AgencyKind(models.TextChoices):
    PARTY_BOARD = "ban_dang", _("Central party board")
    MINISTRY = "bo_nganh", _("Ministry or sector")
    MASS_ORGANISATION = "to_chuc_ct_xh", _("Central mass organisation")
    PARTY_COMMITTEE = "dang_uy_truc_thuoc", _("Party committee directly under the Centre")
    CENTRAL_INSTITUTION = "don_vi_su_nghiep_tw", _("Central public institution")
    CITY = "thanh_pho", _("Centrally-run city")
    PROVINCE = "tinh", _("Province")
    GENERAL_DEPARTMENT = "tong_cuc", _("General department")
    DEPARTMENT = "cuc", _("Department")
    DIVISION = "vu", _("Division")
    PROVINCIAL_DEPARTMENT = "so", _("Provincial department")
    OTHER_UNIT = "don_vi", _("Other unit")


#: Root kinds whose whole subtree is local (địa phương); every other root is central.
LOCAL_ROOT_KINDS = frozenset({AgencyKind.CITY, AgencyKind.PROVINCE})
ROOT_KINDS = frozenset(
    {
        AgencyKind.PARTY_BOARD,
        AgencyKind.MINISTRY,
        AgencyKind.MASS_ORGANISATION,
        AgencyKind.PARTY_COMMITTEE,
        AgencyKind.CENTRAL_INSTITUTION,
        AgencyKind.CITY,
        AgencyKind.PROVINCE,
    }
)
