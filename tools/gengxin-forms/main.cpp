#include "formscli.h"

#include <QCoreApplication>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    return gx::runFormsCli(QCoreApplication::arguments());
}
