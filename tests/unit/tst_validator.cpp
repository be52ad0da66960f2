// Placeholder: being written now; replaced before anything lands.
#include <QTest>
class Tst_validator : public QObject
{
    Q_OBJECT
};
QTEST_APPLESS_MAIN(Tst_validator)
#include "tst_validator.moc"
