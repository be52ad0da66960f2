import QtQml
import QtQuick
import QtQuick.Controls
import Gengxin.App

// The window's menu: the sync screen, the registry import, the accounts and 供需对接 (office and
// admin), the language,
// the survey period, logging out.
Menu {
    id: menu
    readonly property bool office: Session.role === "office" || Session.role === "admin"
    signal syncRequested()
    signal registryRequested()
    signal accountsRequested()
    signal supplyDemandRequested()
    signal logoutRequested()

    MenuItem {
        text: qsTr("Sync")
        onTriggered: menu.syncRequested()
    }
    MenuItem {
        objectName: "registryMenuItem"
        text: qsTr("Import the registry")
        visible: menu.office
        height: visible ? implicitHeight : 0
        onTriggered: menu.registryRequested()
    }
    MenuItem {
        objectName: "accountsMenuItem"
        text: qsTr("Accounts")
        visible: menu.office
        height: visible ? implicitHeight : 0
        onTriggered: menu.accountsRequested()
    }
    MenuItem {
        objectName: "supplyDemandMenuItem"
        text: qsTr("Supply and demand")
        visible: menu.office
        height: visible ? implicitHeight : 0
        onTriggered: menu.supplyDemandRequested()
    }
    Menu {
        title: qsTr("Language")
        MenuItem {
            text: "中文"
            checkable: true
            checked: Session.language === "zh_CN"
            onTriggered: Session.language = "zh_CN"
        }
        MenuItem {
            text: "English"
            checkable: true
            checked: Session.language === "en"
            onTriggered: Session.language = "en"
        }
    }
    Menu {
        id: periodMenu
        objectName: "periodMenu"
        title: qsTr("Survey year: %1").arg(Session.period)
        Instantiator {
            model: Session.periods
            delegate: MenuItem {
                required property int modelData
                text: String(modelData)
                checkable: true
                checked: Session.period === modelData
                onTriggered: Session.period = modelData
            }
            onObjectAdded: (index, object) => periodMenu.insertItem(index, object)
            onObjectRemoved: (index, object) => periodMenu.removeItem(object)
        }
    }
    MenuSeparator {}
    MenuItem {
        text: qsTr("Log out (%1)").arg(Session.username)
        onTriggered: menu.logoutRequested()
    }
}
