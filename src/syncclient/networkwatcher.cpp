#include "syncclient/networkwatcher.h"

#include "syncclient/logging.h"

#include <QNetworkInformation>

namespace gx {

namespace {

bool reachable(QNetworkInformation::Reachability reachability)
{
    // Local and Site count: the server may well be on the same network.
    return reachability != QNetworkInformation::Reachability::Disconnected;
}

} // namespace

NetworkWatcher::NetworkWatcher(bool useSystemBackend, QObject *parent)
    : QObject(parent)
{
    if (!useSystemBackend)
        return;
    if (!QNetworkInformation::loadBackendByFeatures(QNetworkInformation::Feature::Reachability)) {
        qCInfo(lcSync) << "no network-information backend loaded; the sync timer alone retries";
        return;
    }
    QNetworkInformation *info = QNetworkInformation::instance();
    m_backend = info->backendName();
    m_online = reachable(info->reachability());
    qCInfo(lcSync) << "network information from" << m_backend << "online:" << m_online;
    connect(info, &QNetworkInformation::reachabilityChanged, this,
            [this](QNetworkInformation::Reachability r) { setOnline(reachable(r)); });
}

void NetworkWatcher::setOnline(bool online)
{
    if (m_online == online)
        return;
    m_online = online;
    emit onlineChanged(online);
}

} // namespace gx
