#include "quicktestsetup.h"

#include <QApplication>
#include <QtQuickTest/quicktest.h>

// One Qt Quick Test suite: the tst_*.qml files of GX_QUICK_TEST_DIR, with the shared setup.
// QApplication (not QGuiApplication): the office screens' charts need it.
int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    gx::QuickTestSetup setup;
    return quick_test_main_with_setup(argc, argv, GX_QUICK_TEST_NAME, GX_QUICK_TEST_DIR, &setup);
}
