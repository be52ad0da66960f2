import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Gengxin.App

// A label, an editor given as the default child, and the validation message under it.
ColumnLayout {
    id: block
    property string label
    property string message
    default property alias editor: holder.data

    spacing: 2
    Layout.fillWidth: true

    Label {
        text: block.label
        font.pixelSize: AppLook.px(13)
        opacity: 0.75
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
    Item {
        id: holder
        implicitHeight: childrenRect.height
        Layout.fillWidth: true
        function fit() {
            for (let i = 0; i < children.length; ++i)
                children[i].width = width
        }
        onWidthChanged: fit()
        onChildrenChanged: fit()
    }
    Label {
        objectName: "fieldMessage"
        visible: block.message.length > 0
        text: block.message
        color: "#c62828"
        font.pixelSize: AppLook.px(13)
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }
}
