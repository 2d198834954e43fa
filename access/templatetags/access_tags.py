from django import template

from access.roles import has_content_access

register = template.Library()
register.filter("has_content_access", has_content_access)
