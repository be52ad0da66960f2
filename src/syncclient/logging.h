#pragma once

#include <QLoggingCategory>

/** The one logging category of gengxin_syncclient ("gx.syncclient"). */
Q_DECLARE_LOGGING_CATEGORY(lcSync)
