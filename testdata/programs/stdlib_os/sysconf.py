# os.sysconf and os.sysconf_names: glibc's names and the values Linux reports.
import os
print(len(os.sysconf_names), os.sysconf_names["SC_IOV_MAX"])
for n in ["SC_IOV_MAX","SC_PAGE_SIZE","SC_PAGESIZE","SC_CLK_TCK","SC_OPEN_MAX","SC_NPROCESSORS_ONLN","SC_NPROCESSORS_CONF","SC_ARG_MAX","SC_CHILD_MAX","SC_SEM_NSEMS_MAX","SC_LINE_MAX","SC_NGROUPS_MAX","SC_LOGIN_NAME_MAX"]:
    print(n, os.sysconf(n) == os.sysconf(os.sysconf_names[n]), type(os.sysconf(n)).__name__)
print(os.sysconf("SC_PHYS_PAGES") > 0, os.sysconf("SC_AVPHYS_PAGES") <= os.sysconf("SC_PHYS_PAGES"))
for bad in ["nope", 1.5]:
    try: os.sysconf(bad)
    except Exception as e: print(type(e).__name__, e)
import os
try:
    os.sysconf(99999)
except OSError as e:
    print(type(e).__name__, e.errno, e)
